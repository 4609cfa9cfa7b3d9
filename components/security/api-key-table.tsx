import { DataTable } from "@/components/ui/data-table";
import type { ApiKeyLine } from "@/lib/api-keys/queries";
import { API_KEY_STATUS_LABELS } from "@/lib/api-keys/status-labels";
import { formatDateTime } from "@/lib/format/date";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

const TONE = {
  active: "text-green-700 dark:text-green-400",
  expired: "text-muted",
  revoked: "text-red-700 dark:text-red-400",
} as const;

// The customer's keys: what each may do, its dates and last use, and a way to revoke the live ones.
export function ApiKeyTable({ keys, timeZone }: { keys: ApiKeyLine[]; timeZone: string }) {
  return (
    <DataTable
      caption="Your API keys, newest first"
      columns={[{ label: "Key" }, { label: "May" }, { label: "Dates" }, { label: "Last used" }, { label: "Status" }]}
    >
      {keys.map((key) => (
        <tr key={key.id} data-testid="api-key-row" className="align-top">
          <td className="px-3 py-2">
            <span className="block font-medium">{key.name}</span>
            <span className="block whitespace-nowrap font-mono text-xs text-muted">{key.prefix}…</span>
          </td>
          <td className="px-3 py-2">
            <ul className="space-y-0.5">
              {key.scopes.map((scope) => (
                <li key={scope}>
                  <code className="font-mono text-xs">{scope}</code>
                </li>
              ))}
            </ul>
          </td>
          <td className="whitespace-nowrap px-3 py-2 tabular-nums">
            <span className="block">Created {formatDateTime(key.createdAt, timeZone)}</span>
            <span className="block text-muted">
              {key.expiresAt ? `Expires ${formatDateTime(key.expiresAt, timeZone)}` : "Never expires"}
            </span>
          </td>
          <td className="px-3 py-2 tabular-nums">
            {key.lastUsedAt ? (
              <>
                <span className="block whitespace-nowrap">{formatDateTime(key.lastUsedAt, timeZone)}</span>
                <span className="block text-xs text-muted">from {key.lastUsedIp ?? "an unknown address"}</span>
              </>
            ) : (
              "Never used"
            )}
          </td>
          <td className="space-y-2 px-3 py-2">
            <span className={`block whitespace-nowrap font-medium ${TONE[key.status]}`}>
              {API_KEY_STATUS_LABELS[key.status]}
              {key.revokedAt ? (
                <span className="block text-xs font-normal text-muted tabular-nums">
                  {formatDateTime(key.revokedAt, timeZone)}
                </span>
              ) : null}
            </span>
            {key.status === "revoked" ? null : <RevokeApiKeyButton keyId={key.id} name={key.name} />}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
