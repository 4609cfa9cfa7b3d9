"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/errors";
import { COUNTRIES } from "@/lib/validation/countries";
import {
  DOCUMENT_LABELS,
  ID_TYPES,
  TWO_SIDED,
  type IdType,
  type KycDetails,
  type ResubmitItem,
} from "@/lib/validation/kyc";
import { ActionForm } from "@/components/forms/action-form";
import { routes } from "@/lib/routes";

type Props = {
  /** null on a first submission: everything is asked for. */
  requested: ResubmitItem[] | null;
  details: KycDetails | null;
};

const selectClass =
  "mt-1.5 block w-full rounded-md border border-line bg-surface px-3 py-2 shadow-sm aria-invalid:border-red-500";

// The upload goes to a route handler that reads it with a size limit (server actions keep a
// small one); it answers with the same ActionState as an action.
async function sendKyc(_previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    const response = await fetch(routes.api.kycSubmission, { method: "POST", body: form });
    return (await response.json()) as ActionState;
  } catch {
    return { ok: false, error: "The upload did not get through. Check your connection and try again." };
  }
}

export function KycForm({ requested, details }: Props) {
  const router = useRouter();
  const [state, action] = useActionState(async (previous: ActionState, form: FormData) => {
    const next = await sendKyc(previous, form);
    if (next?.ok) router.refresh(); // the page shows the case as being reviewed
    return next;
  }, null);
  const asks = (item: ResubmitItem) => requested === null || requested.includes(item);
  const [idType, setIdType] = useState<IdType>(details?.idType ?? "passport");
  const showDetails = asks("details");
  const documents = (["id_front", "id_back", "selfie"] as const).filter(
    (kind) =>
      (kind !== "id_back" || TWO_SIDED.includes(idType)) &&
      (requested === null || asks(kind) || (kind === "id_back" && showDetails)),
  );
  const errors = (name: string) => fieldErrors(state, name);
  const value = (name: keyof KycDetails) => (details?.[name] as string | undefined) ?? "";

  if (state?.ok) return <FormMessage state={state} />;
  return (
    <ActionForm action={action} className="space-y-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="includeDetails" value={showDetails ? "1" : "0"} />
      {showDetails ? (
        <fieldset className="space-y-4">
          <legend className="font-semibold">Personal details</legend>
          <Field
            label="Full legal name (as on your ID)"
            name="legalName"
            autoComplete="name"
            defaultValue={value("legalName")}
            maxLength={200}
            errors={errors("legalName")}
          />
          <Field
            label="Date of birth"
            name="dateOfBirth"
            type="date"
            autoComplete="bday"
            defaultValue={value("dateOfBirth")}
            errors={errors("dateOfBirth")}
          />
          <CountrySelect
            name="nationality"
            label="Nationality"
            defaultValue={value("nationality")}
            errors={errors("nationality")}
          />
          <Field
            label="Street address"
            name="addressLine1"
            autoComplete="address-line1"
            defaultValue={value("addressLine1")}
            maxLength={200}
            errors={errors("addressLine1")}
          />
          <Field
            label="Address line 2 (optional)"
            name="addressLine2"
            autoComplete="address-line2"
            defaultValue={value("addressLine2")}
            maxLength={200}
            errors={errors("addressLine2")}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="City"
              name="city"
              autoComplete="address-level2"
              defaultValue={value("city")}
              maxLength={100}
              errors={errors("city")}
            />
            <Field
              label="Postal code"
              name="postalCode"
              autoComplete="postal-code"
              defaultValue={value("postalCode")}
              maxLength={20}
              errors={errors("postalCode")}
            />
          </div>
          <CountrySelect
            name="country"
            label="Country of residence"
            defaultValue={value("country")}
            errors={errors("country")}
          />
          <div>
            <label htmlFor="field-idType" className="block text-sm font-medium">
              ID document
            </label>
            <select
              id="field-idType"
              name="idType"
              value={idType}
              onChange={(event) => setIdType(event.target.value as IdType)}
              className={selectClass}
            >
              {Object.entries(ID_TYPES).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <Field
            label="ID number"
            name="idNumber"
            defaultValue={value("idNumber")}
            maxLength={40}
            autoComplete="off"
            errors={errors("idNumber")}
          />
        </fieldset>
      ) : null}
      {documents.length ? (
        <fieldset className="space-y-4">
          <legend className="font-semibold">Documents</legend>
          <p className="text-sm text-muted">
            JPEG, PNG or PDF, up to 10 MB each. Photos are re-encoded and their location data removed.
          </p>
          {documents.map((kind) => (
            <Field
              key={kind}
              label={
                kind === "selfie"
                  ? "Selfie holding your ID"
                  : `${DOCUMENT_LABELS[kind]} of your ${ID_TYPES[idType].toLowerCase()}`
              }
              name={kind}
              type="file"
              accept="image/jpeg,image/png,application/pdf"
              errors={errors(kind)}
              className="mt-1.5 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-chip file:px-3 file:py-2 file:text-sm file:font-medium"
            />
          ))}
        </fieldset>
      ) : null}
      <SubmitButton pendingText="Uploading and encrypting…">Send for review</SubmitButton>
    </ActionForm>
  );
}

function CountrySelect({
  name,
  label,
  defaultValue,
  errors,
}: {
  name: string;
  label: string;
  defaultValue: string;
  errors?: string[];
}) {
  return (
    <div>
      <label htmlFor={`field-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={`field-${name}`}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        className={selectClass}
      >
        <option value="">Choose…</option>
        {COUNTRIES.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </select>
      {errors?.length ? <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.join(" ")}</p> : null}
    </div>
  );
}
