/** One headline number with its label. */
export function StatCard({
  label,
  value,
  detail,
}: {
  label: string;
  value: string;
  detail?: string;
}) {
  return (
    <div class="stat">
      <span class="stat-label">{label}</span>
      <span class="stat-value">{value}</span>
      {detail && <span class="stat-detail">{detail}</span>}
    </div>
  );
}
