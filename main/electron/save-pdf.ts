/**
 * "Save as PDF" for printable pages (the workstation result, the report for a physical
 * therapist): the page's own print CSS, rendered by Chromium's printToPDF, saved where the user
 * chooses. Answers the shell-only `savePdf` channel.
 */
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shellInvokeArgs, type IpcResult, type ShellResults } from '../../shared/ipc-contract';
import { describeIssues } from '../../shared/actions';

export async function savePdf(sender: WebContents, args: unknown[]): Promise<IpcResult<ShellResults['savePdf']>> {
  const parsed = shellInvokeArgs.savePdf.safeParse(args);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error, 'arguments for savePdf') };
  const [name] = parsed.data;
  // Defence in depth (the contract refuses these already): a Windows device name is not a file.
  if (/^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i.test(name.trim())) return { ok: false, error: 'Choose another name for the PDF.' };
  try {
    const pdf = await sender.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
    const owner = BrowserWindow.fromWebContents(sender);
    const options = {
      title: 'Save as PDF',
      defaultPath: join(app.getPath('documents'), `${name}.pdf`),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { savedTo: null } };
    await writeFile(choice.filePath, pdf);
    return { ok: true, value: { savedTo: choice.filePath } };
  } catch (error) {
    return { ok: false, error: `The PDF could not be saved: ${error instanceof Error ? error.message : String(error)}` };
  }
}
