import type { MovesnackApi } from '../../shared/ipc-contract';

/**
 * Prints the current page through its print CSS. In the desktop app that is a real PDF saved
 * where the user chooses (Electron's printToPDF); in a browser, the browser's print dialog.
 * Returns where the PDF was saved, or null (cancelled, or printed by the browser).
 */
export async function printOrSavePdf(api: MovesnackApi, fileName: string): Promise<string | null> {
  if (api.savePdf) return (await api.savePdf(fileName)).savedTo;
  window.print();
  return null;
}
