/** Previous/next over cursor pages: the cursors seen so far are a stack. */
export function CursorPager({
  cursors,
  nextCursor,
  onChange,
}: {
  /** Cursors of the pages before this one (empty on the first page). */
  cursors: readonly string[];
  nextCursor: string | null;
  onChange: (cursors: string[]) => void;
}) {
  const page = cursors.length + 1;
  return (
    <nav class="pager" aria-label="Pages">
      <button
        type="button"
        class="secondary"
        disabled={cursors.length === 0}
        onClick={() => onChange(cursors.slice(0, -1))}
      >
        ‹ Newer
      </button>
      <span>Page {page}</span>
      <button
        type="button"
        class="secondary"
        disabled={nextCursor === null}
        onClick={() => nextCursor !== null && onChange([...cursors, nextCursor])}
      >
        Older ›
      </button>
    </nav>
  );
}
