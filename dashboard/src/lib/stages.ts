// Journey stages by name, kept apart so the account page can name stages without the segment form.

/** The journey stages a default Pulse knows: progress stages, then exits. */
export const DEFAULT_STAGES = [
  { id: 'onboarding', label: 'Onboarding' },
  { id: 'activated', label: 'Activated' },
  { id: 'adopting', label: 'Adopting' },
  { id: 'engaged', label: 'Engaged' },
  { id: 'at_risk', label: 'At risk' },
  { id: 'churned', label: 'Churned' },
];

/** A stage's label: the known one, else the id in words (`power_user` → "Power user"). */
export function stageLabel(id: string | null | undefined, known: { id: string; label: string }[] = DEFAULT_STAGES): string {
  if (!id) return 'Start';
  const found = known.find((s) => s.id === id);
  if (found) return found.label;
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
