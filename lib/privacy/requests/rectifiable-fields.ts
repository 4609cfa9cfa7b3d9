// The profile fields a rectification request may name, and where each one lives. Display name is
// on the account; the others are identity details, kept encrypted in the KYC case.
export const RECTIFIABLE_FIELDS = {
  displayName: { label: "Display name", place: "account" },
  legalName: { label: "Full legal name", place: "identity" },
  dateOfBirth: { label: "Date of birth", place: "identity" },
  addressLine1: { label: "Street address", place: "identity" },
  addressLine2: { label: "Address line 2", place: "identity" },
  city: { label: "City", place: "identity" },
  postalCode: { label: "Postal code", place: "identity" },
} as const;

export type RectifiableField = keyof typeof RECTIFIABLE_FIELDS;
export type RequestedChange = { field: RectifiableField; to: string }[];
