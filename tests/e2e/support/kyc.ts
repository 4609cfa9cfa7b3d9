// Filling in the identity form as a customer would.
import type { Page } from "@playwright/test";
import { jpegWithExif, png } from "../../support/images";

export type KycFormValues = {
  legalName: string;
  dateOfBirth: string;
  country: string;
  street: string;
  city: string;
  postalCode: string;
  idType?: "passport" | "national_id" | "driving_licence";
  idNumber: string;
};

export async function fillKycForm(page: Page, values: KycFormValues): Promise<void> {
  await page.getByLabel("Full legal name (as on your ID)").fill(values.legalName);
  await page.getByLabel("Date of birth").fill(values.dateOfBirth);
  await page.getByLabel("Nationality").selectOption(values.country);
  await page.getByLabel("Street address").fill(values.street);
  await page.getByLabel("City").fill(values.city);
  await page.getByLabel("Postal code").fill(values.postalCode);
  await page.getByLabel("Country of residence").selectOption(values.country);
  await page.getByLabel("ID document").selectOption(values.idType ?? "passport");
  await page.getByLabel("ID number").fill(values.idNumber);
  await page
    .getByLabel(/ID front/)
    .setInputFiles({ name: "front.jpg", mimeType: "image/jpeg", buffer: await jpegWithExif("FRONT") });
  if (values.idType && values.idType !== "passport") {
    await page
      .getByLabel(/ID back/)
      .setInputFiles({ name: "back.jpg", mimeType: "image/jpeg", buffer: await jpegWithExif("BACK") });
  }
  await page
    .getByLabel("Selfie holding your ID")
    .setInputFiles({ name: "selfie.png", mimeType: "image/png", buffer: await png() });
}
