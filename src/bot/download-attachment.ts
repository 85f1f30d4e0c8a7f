import { BriefbotError } from "../core/errors.js";
import { formatBytes } from "../core/ingest/brief-files.js";

/**
 * Downloads an uploaded file, never more than `maxBytes` whatever the server claims: the size Discord
 * reported was checked before, and the body is cut off here if it runs longer.
 */
export async function downloadAttachment(url: string, maxBytes: number, timeoutMs = 60_000): Promise<Uint8Array> {
  if (!/^https?:\/\//i.test(url)) throw new BriefbotError("The attachment has no downloadable address.", "BAD_INPUT");
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  } catch (error) {
    throw new BriefbotError(`The attachment could not be downloaded (${(error as Error).message}); please try again.`, "BAD_INPUT");
  }
  if (!response.ok || !response.body) throw new BriefbotError(`The attachment could not be downloaded (HTTP ${response.status}); please try again.`, "BAD_INPUT");
  const declared = Number(response.headers.get("content-length") ?? NaN);
  const tooLarge = () => new BriefbotError(`The attachment is larger than ${formatBytes(maxBytes)}, the limit for a brief.`, "BAD_INPUT");
  if (declared > maxBytes) {
    await response.body.cancel();
    throw tooLarge();
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const part of response.body) {
    total += part.length;
    if (total > maxBytes) throw tooLarge();
    parts.push(part);
  }
  return Buffer.concat(parts, total);
}
