import type { Session } from "./auth";

/** GET a CSV export with the Authorization header and save it through a blob URL. */
export async function downloadCsv(session: Session, path: string, filename: string): Promise<void> {
  let response = await fetch(path, { headers: { Authorization: `JWT ${await session.validToken()}` } });
  if (response.status === 401) {
    response = await fetch(path, { headers: { Authorization: `JWT ${await session.refresh()}` } });
  }
  if (!response.ok) throw new Error(`The export failed (HTTP ${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
