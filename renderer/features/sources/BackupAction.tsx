import { getTransport } from '../../api/client';

/**
 * A copy of the whole project, made while the app runs (the store's online backup). In a browser
 * the web shell sends it as a download; the desktop app asks where to save it (Bestand-menu).
 */
export function BackupAction() {
  if (getTransport().kind === 'web') {
    return (
      <a className="button" style={{ textDecoration: 'none' }} href="./backup" download title="Een volledige kopie van het projectbestand, gemaakt terwijl Wijkverkenner draait. Terugzetten: start Wijkverkenner met --db en de kopie.">
        Reservekopie downloaden
      </a>
    );
  }
  return <span style={{ color: 'var(--muted)', fontSize: 13 }}>Reservekopie: Bestand → Reservekopie maken…</span>;
}
