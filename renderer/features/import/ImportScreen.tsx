import { NotYetScreen } from '../placeholder/NotYetScreen';

export function ImportScreen() {
  return <NotYetScreen title="Importeren" what="Hier importeert u straks spreadsheets van CBS en gemeenten." />;
}
