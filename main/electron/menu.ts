import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  send: (command: 'import' | 'export') => void;
  openProject: () => void;
  backup: () => void;
  quit: () => void;
}

/** The Dutch application menu; shortcuts are shown beside each item. */
export function menuTemplate(actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Bestand',
      submenu: [
        { label: 'Importeren…', accelerator: 'CmdOrCtrl+I', click: () => actions.send('import') },
        { label: 'Exporteren…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('export') },
        { type: 'separator' },
        { label: 'Project openen…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        { label: 'Reservekopie maken…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.backup() },
        { type: 'separator' },
        { label: 'Afsluiten', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        { label: 'Ongedaan maken', role: 'undo' },
        { label: 'Opnieuw', role: 'redo' },
        { type: 'separator' },
        { label: 'Knippen', role: 'cut' },
        { label: 'Kopiëren', role: 'copy' },
        { label: 'Plakken', role: 'paste' },
        { label: 'Alles selecteren', role: 'selectAll' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { label: 'Opnieuw laden', role: 'reload' },
        { label: 'Ware grootte', role: 'resetZoom' },
        { label: 'Inzoomen', role: 'zoomIn' },
        { label: 'Uitzoomen', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Volledig scherm', role: 'togglefullscreen' },
      ],
    },
  ];
}
