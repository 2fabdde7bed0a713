/** An honest empty screen for a part of the app that a later release fills. */
export function NotYetScreen({ title, what }: { title: string; what: string }) {
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{title}</h1>
      </header>
      <div className="empty-state">
        <strong>Nog niet beschikbaar in deze versie</strong>
        <p>{what}</p>
      </div>
    </div>
  );
}
