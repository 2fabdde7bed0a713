/** One line, Dutch, naming where a stored figure stands: "bestand.xlsx, blad Blad1, cel AB5". */
export function figureSourceText(s: { kind: string; title: string; file: string | null; sheet: string | null; cell: string | null }): string {
  const parts = [s.file ?? s.title];
  if (s.sheet) parts.push(`blad ${s.sheet}`);
  if (s.cell) parts.push(s.kind === 'file' ? `cel ${s.cell}` : s.cell);
  return parts.join(', ');
}
