// How far a contract is through its term, for progress bars.
export function termProgress(contract: { startsAt: Date; endsAt: Date }, now = new Date()): number {
  const total = contract.endsAt.getTime() - contract.startsAt.getTime();
  const done = Math.min(Math.max(now.getTime() - contract.startsAt.getTime(), 0), total);
  return total > 0 ? Math.floor((done / total) * 100) : 100;
}
