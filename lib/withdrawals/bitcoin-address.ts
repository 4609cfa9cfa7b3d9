// Checks a BTC payout address with checksums (base58check for P2PKH/P2SH, bech32 for segwit v0,
// bech32m for taproot) and that it belongs to the configured network, using
// bitcoin-address-validation. Pure: no database, so it is unit-tested on its own.
import { AddressType, getAddressInfo, Network } from "bitcoin-address-validation";

export type BitcoinNetworkName = "mainnet" | "testnet" | "regtest";

export type AddressCheck =
  { ok: true; address: string; type: "p2pkh" | "p2sh" | "p2wpkh" | "p2wsh" | "p2tr" } | { ok: false; reason: string };

const NETWORK_NAMES: Record<BitcoinNetworkName, string> = {
  mainnet: "Bitcoin mainnet",
  testnet: "Bitcoin testnet",
  regtest: "Bitcoin regtest",
};

export function checkBitcoinAddress(input: string, network: BitcoinNetworkName): AddressCheck {
  const address = input.trim();
  // bech32 is case-insensitive but must not mix cases; the canonical form is lower case.
  const candidate =
    /^(bc|tb|bcrt)1/i.test(address) && address === address.toUpperCase() ? address.toLowerCase() : address;
  let info;
  try {
    // Testnet and regtest share the base58 prefixes; on regtest read them as regtest.
    info = getAddressInfo(candidate, network === "regtest" ? { castTestnetTo: Network.regtest } : undefined);
  } catch {
    return { ok: false, reason: "That is not a valid Bitcoin address (check for typing mistakes)." };
  }
  if (info.type === AddressType.unknown) {
    return { ok: false, reason: "That address type is not supported. Use a P2PKH, P2SH, SegWit or Taproot address." };
  }
  if (info.network !== (network as string)) {
    return {
      ok: false,
      reason: `That address is for ${NETWORK_NAMES[info.network as BitcoinNetworkName] ?? info.network}; payouts go to ${NETWORK_NAMES[network]} addresses.`,
    };
  }
  return { ok: true, address: candidate, type: info.type };
}
