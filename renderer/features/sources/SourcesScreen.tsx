import { NotYetScreen } from '../placeholder/NotYetScreen';

export function SourcesScreen() {
  return <NotYetScreen title="Bronnen" what="Hier ziet u straks elke geïmporteerde bron met zijn cijfers." />;
}
