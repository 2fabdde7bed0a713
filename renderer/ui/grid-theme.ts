import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

// Every grid imports this module, so AG Grid's modules are registered before any grid renders.
ModuleRegistry.registerModules([AllCommunityModule]);

/** The one look of every AG Grid in the app. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 36,
  accentColor: '#1f5f8b',
  borderColor: '#dcdfe3',
  headerBackgroundColor: '#f1f3f5',
});
