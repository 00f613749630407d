/** Renders search text whose matches are wrapped in U+E000 … U+E001 by the database. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(/(\uE000[^\uE001]*\uE001)/u);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('\uE000') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p.replace(/[\uE000\uE001]/gu, '')}</span>,
      )}
    </>
  );
}
