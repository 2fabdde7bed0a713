import { NotYetScreen } from '../placeholder/NotYetScreen';

export function ScenariosScreen() {
  return <NotYetScreen title="Scenario's" what="Hier rekent u straks scenario's door voor financiering en woningverbetering." />;
}
