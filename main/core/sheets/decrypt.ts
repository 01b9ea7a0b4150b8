// Opens a password-protected workbook (ECMA-376 encryption, what Excel and Naver's order download
// write) with the password the operator typed. Runs in the parse worker only: the decrypted
// workbook then goes through the same preflight as any upload.
import { refuse, type FileRefusal } from './types';

export const PASSWORD_NEEDED_MESSAGE =
  'This order sheet is password-protected. Type the password you chose when you downloaded it (Naver asks for one at download), then upload it again.';

const WRONG_PASSWORD_MESSAGE =
  'The password does not open this order sheet. Check it (capital letters count) and try again; it is the password you chose when you downloaded the sheet.';

type Decrypted = { ok: true; bytes: Uint8Array } | { ok: false; refusal: FileRefusal };

export async function decryptWorkbook(bytes: Uint8Array, password: string): Promise<Decrypted> {
  // Loaded only for encrypted files: most uploads never pay for it.
  const { default: officeCrypto } = await import('officecrypto-tool');
  try {
    const out = await officeCrypto.decrypt(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      password,
    });
    return { ok: true, bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    if (/password is incorrect/i.test(detail)) return refuse('FILE_PASSWORD_WRONG', WRONG_PASSWORD_MESSAGE);
    return refuse(
      'FILE_ENCRYPTED',
      'This workbook is protected in a way Shipdesk cannot open. Open it in Excel, remove the password (File > Info > Protect Workbook), save it as .xlsx and upload it again.',
      { detail: detail.slice(0, 200) },
    );
  }
}
