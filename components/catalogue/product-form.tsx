"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage, fieldErrors } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { saveProductAction } from "@/lib/actions/catalogue/save-product";
import { setProductStatusAction } from "@/lib/actions/catalogue/set-product-status";
import type { ProductView } from "@/lib/catalogue/product-view";
import { fromScaled } from "@/lib/money/fixed-point";
import { ActionForm } from "@/components/forms/action-form";

type FieldSpec = [name: string, label: string, value: (product: ProductView) => string, hint?: string];

const FIELDS: FieldSpec[] = [
  ["title", "Title", (p) => p.title, "e.g. Antminer S19 Pro · 20 days"],
  ["slug", "Slug (address)", (p) => p.slug],
  ["machineModel", "Machine model", (p) => p.machineModel],
  ["machineHashrateThs", "Machine hashrate (TH/s)", (p) => String(p.machineHashrateThs)],
  ["efficiencyJPerTh", "Efficiency (J/TH)", (p) => p.efficiencyJPerTh],
  ["electricityUsdPerKwh", "Electricity (USD/kWh)", (p) => p.electricityUsdPerKwh],
  ["durationDays", "Duration (days)", (p) => String(p.durationDays)],
  ["hashrateFeePerTh", "Hashrate fee (USD per TH, whole term)", (p) => p.hashrateFeePerTh],
  ["serviceFeePerThDay", "Service fee (USD per TH per day)", (p) => p.serviceFeePerThDay],
  ["poolFeePercent", "Pool fee (%)", (p) => fromScaled(BigInt(p.poolFeeBps), 2)],
  ["inventoryTh", "Inventory (TH)", (p) => String(p.inventoryTh)],
  ["minOrderTh", "Minimum order (TH)", (p) => String(p.minOrderTh)],
  ["maxOrderTh", "Maximum order (TH)", (p) => String(p.maxOrderTh)],
  ["startDelayDays", "Start delay (days; 1 = T+1)", (p) => String(p.startDelayDays)],
  ["sortOrder", "Position on the storefront", (p) => String(p.sortOrder)],
];

export function ProductForm({ product }: { product: ProductView | null }) {
  const [state, action] = useActionState(saveProductAction, null);
  return (
    <ActionForm action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {product ? <input type="hidden" name="id" value={product.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map(([name, label, value, hint]) => (
          <Field
            key={name}
            label={label}
            name={name}
            defaultValue={product ? value(product) : ""}
            hint={hint}
            errors={fieldErrors(state, name)}
          />
        ))}
      </div>
      <p className="text-sm text-muted">
        Price changes apply to new orders only; existing orders keep the price they were placed at.
      </p>
      <div className="max-w-xs">
        <SubmitButton pendingText="Saving…">{product ? "Save changes" : "Create draft"}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function ProductStatusButtons({
  id,
  actions,
}: {
  id: string;
  actions: { status: "on_sale" | "sold_out" | "archived"; label: string }[];
}) {
  const [state, action] = useActionState(setProductStatusAction, null);
  return (
    <div className="space-y-2">
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        {actions.map((item) => (
          <form key={item.status} action={action}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="status" value={item.status} />
            <SubmitButton variant={item.status === "archived" ? "danger" : "primary"} pendingText="…">
              {item.label}
            </SubmitButton>
          </form>
        ))}
      </div>
    </div>
  );
}
