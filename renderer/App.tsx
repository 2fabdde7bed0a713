import { useEffect, useState, type ReactNode } from 'react';
import { getTransport } from './api/client';
import { AreasScreen } from './features/areas/AreasScreen';
import { CompareScreen } from './features/compare/CompareScreen';
import { ExportScreen } from './features/export/ExportScreen';
import { ImportScreen } from './features/import/ImportScreen';
import { MapScreen } from './features/maps/MapScreen';
import { ChartsScreen } from './features/charts/ChartsScreen';
import { ScenariosScreen } from './features/scenarios/ScenariosScreen';
import { SourcesScreen } from './features/sources/SourcesScreen';
import { StatusLine } from './ui/StatusLine';

export type ScreenId = 'gebieden' | 'vergelijken' | 'importeren' | 'scenarios' | 'exporteren' | 'bronnen'
  | 'kaart' | 'grafieken';

interface NavItem {
  id: ScreenId;
  label: string;
  key: string;
  render: () => ReactNode;
}

const NAV: NavItem[] = [
  { id: 'gebieden', label: 'Gebieden', key: '1', render: () => <AreasScreen /> },
  { id: 'vergelijken', label: 'Vergelijken', key: '2', render: () => <CompareScreen /> },
  { id: 'importeren', label: 'Importeren', key: '3', render: () => <ImportScreen /> },
  { id: 'scenarios', label: "Scenario's", key: '4', render: () => <ScenariosScreen /> },
  { id: 'exporteren', label: 'Exporteren', key: '5', render: () => <ExportScreen /> },
  { id: 'bronnen', label: 'Bronnen', key: '6', render: () => <SourcesScreen /> },
  { id: 'grafieken', label: 'Grafieken', key: '7', render: () => <ChartsScreen /> },
  { id: 'kaart', label: 'Kaart', key: '8', render: () => <MapScreen /> },
];

function initialScreen(): ScreenId {
  const hash = window.location.hash.replace('#', '') as ScreenId;
  return NAV.some((n) => n.id === hash) ? hash : 'gebieden';
}

export function App() {
  const [screen, setScreen] = useState<ScreenId>(initialScreen);
  useEffect(() => {
    window.location.hash = screen;
  }, [screen]);
  useEffect(() => {
    // Alt+1..6 switches screens; the Electron menu's Importeren/Exporteren arrive as commands.
    const onKey = (e: KeyboardEvent): void => {
      const item = e.altKey && NAV.find((n) => n.key === e.key);
      if (item) {
        e.preventDefault();
        setScreen(item.id);
      }
    };
    window.addEventListener('keydown', onKey);
    getTransport().onMenu((command) => {
      if (command === 'import') setScreen('importeren');
      if (command === 'export') setScreen('exporteren');
    });
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const current = NAV.find((n) => n.id === screen) ?? NAV[0];
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Hoofdnavigatie">
        <div className="sidebar-inner">
          <div className="brand">Wijkverkenner</div>
          <ul>
            {NAV.map((n) => (
              <li key={n.id}>
                <button type="button" aria-current={n.id === screen ? 'page' : undefined} onClick={() => setScreen(n.id)} title={`Alt+${n.key}`}>
                  {n.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <main className="content">{current?.render()}</main>
      <StatusLine screen={screen} />
    </div>
  );
}
