// A test client that performs the same exchange as Data to Insight's pipeline (dfe-csc-api-data-flows,
// api_pipeline/auth.py, main.py, api.py, config.py): the same token request, the same headers and body, batches of
// BATCH_SIZE (100), the same reading of every answer, the same retries. Written from that code's behaviour so a
// test failing here means the real pipeline would fail against the hub.

/** What the pipeline writes back to its staging table for one record (update_api_success / update_api_failure). */
export type RecordStatus =
  | { status: 'Sent'; uuid: string; timestamp: Date }
  | { status: 'Error'; message: string };

/** One pending row: the person id and the parsed JSON payload (ssd_api_data_staging). */
export interface PendingRecord {
  personId: string;
  json: unknown;
}

/** The pipeline's settings (its .env). */
export interface PipelineConfig {
  tokenEndpoint: string;
  apiEndpoint: string;
  laCode: string | number;
  clientId: string;
  clientSecret: string;
  scope: string;
  supplierKey: string;
  batchSize?: number;
  /** time.sleep; tests may shorten it. Receives the pipeline's delay in seconds. */
  sleep?: (seconds: number) => Promise<void>;
}

/** Every HTTP exchange the client made, for assertions. */
export interface Exchange {
  url: string;
  headers: Record<string, string>;
  body: string;
  status: number;
  response: string;
}

/** Python's json.dumps with its defaults: ", " and ": " separators, non-ASCII escaped as \uXXXX. */
export function pythonJsonDumps(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (Array.isArray(v)) return `[${v.map(pythonJsonDumps).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${pythonJsonDumps(k)}: ${pythonJsonDumps(x)}`).join(', ')}}`;
}

const STATUS_MESSAGES: Record<number, string> = {
  204: 'No content', 400: 'Malformed Payload', 401: 'Invalid API token', 403: 'API access disallowed',
  413: 'Payload exceeds limit', 429: 'Rate limit exceeded',
};

/** The pipeline, minus its database: results are returned per person id instead of written to SQL Server. */
export class D2iPipelineClient {
  readonly exchanges: Exchange[] = [];
  readonly sleeps: number[] = [];

  constructor(private readonly config: PipelineConfig) {}

  /** API_ENDPOINT_LA in config.py. */
  get apiEndpointLa(): string {
    return `${this.config.apiEndpoint}/children_social_care_data/${this.config.laCode}/children`;
  }

  /** auth.get_oauth_token: form-encoded POST; raise_for_status; the access_token of the JSON answer, else None. */
  async getOauthToken(): Promise<string | null> {
    const form = new URLSearchParams({
      client_id: this.config.clientId, client_secret: this.config.clientSecret, scope: this.config.scope,
      grant_type: 'client_credentials',
    });
    try {
      const res = await fetch(this.config.tokenEndpoint, {
        method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString(),
      });
      const text = await res.text();
      this.exchanges.push({ url: this.config.tokenEndpoint, headers: {}, body: form.toString(), status: res.status, response: text });
      if (res.status >= 400) return null;
      const token: unknown = JSON.parse(text).access_token;
      return token === undefined || token === null ? null : String(token);
    } catch {
      return null;
    }
  }

  /** main.py's headers. */
  headers(token: string): Record<string, string> {
    return {
      Authorization: `Bearer ${token.trim()}`, 'Content-Type': 'application/json',
      SupplierKey: String(this.config.supplierKey).trim(), 'User-Agent': 'Microsoft PowerShell/6.0.0',
    };
  }

  /** main(): token, then process_batches; null when no token could be had ("No token retrieved. Exiting."). */
  async run(records: readonly PendingRecord[]): Promise<Map<string, RecordStatus> | null> {
    const token = await this.getOauthToken();
    if (!token) return null;
    return this.processBatches(records, this.headers(token));
  }

  /** api.process_batches, with max_retries = 3. */
  async processBatches(records: readonly PendingRecord[], headers: Record<string, string>, maxRetries = 3): Promise<Map<string, RecordStatus>> {
    const results = new Map<string, RecordStatus>();
    const size = this.config.batchSize ?? 100;
    for (let i = 0; i < records.length; i += size) {
      const batch = records.slice(i, i + size);
      const payloadStr = pythonJsonDumps(batch.map((r) => r.json));
      let retries = 0;
      let retryDelay = 5;
      while (retries < maxRetries) {
        let status: number;
        let rawText: string;
        try {
          const res = await fetch(this.apiEndpointLa, { method: 'POST', headers, body: payloadStr });
          rawText = (await res.text()).trim();
          status = res.status;
          this.exchanges.push({ url: this.apiEndpointLa, headers, body: payloadStr, status, response: rawText });
        } catch (e) {
          for (const rec of batch) results.set(rec.personId, { status: 'Error', message: String(e) });
          break;
        }
        if (status === 200) {
          this.readSuccess(batch, rawText, results);
          break;
        }
        const apiMsg = STATUS_MESSAGES[status] ?? `Unexpected Error: ${status}`;
        const retryable = [401, 403, 429].includes(status);
        if (!retryable || retries === maxRetries - 1) {
          handleBatchFailure(batch, status, apiMsg, rawText, results);
          break;
        }
        this.sleeps.push(retryDelay);
        await (this.config.sleep ?? ((s) => new Promise((r) => setTimeout(r, s * 1000))))(retryDelay);
        retryDelay = Math.min(30, retryDelay * 2);
        retries += 1;
      }
    }
    return results;
  }

  /** The 200 branch: a list, one item per record, each `date_time_uuid` (else a fallback uuid and now()). */
  private readSuccess(batch: readonly PendingRecord[], rawText: string, results: Map<string, RecordStatus>): void {
    let items: unknown;
    try {
      items = JSON.parse(rawText);
    } catch {
      for (const rec of batch) results.set(rec.personId, { status: 'Error', message: `Invalid JSON response: ${rawText}` });
      return;
    }
    if (!Array.isArray(items)) {
      for (const rec of batch) results.set(rec.personId, { status: 'Error', message: 'Invalid JSON structure from API' });
      return;
    }
    if (items.length !== batch.length) {
      for (const rec of batch) results.set(rec.personId, { status: 'Error', message: 'Response count mismatch' });
      return;
    }
    batch.forEach((rec, k) => {
      const item = String(items[k]);
      const parts = item.split('_');
      let uuid: string;
      let timestamp: Date;
      const parsed = parts.length === 3 ? parsePythonTimestamp(parts[0], parts[1]) : null;
      if (parsed) { [, , uuid] = parts; timestamp = parsed; } else { uuid = parts[parts.length - 1]; timestamp = new Date(); }
      results.set(rec.personId, { status: 'Sent', uuid, timestamp });
    });
  }
}

/** datetime.strptime(f"{date} {time}", "%Y-%m-%d %H:%M:%S.%f"), or null where Python would raise. */
export function parsePythonTimestamp(date: string, time: string): Date | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})\.(\d{1,6})$/.exec(`${date} ${time}`);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], Math.floor(Number(m[7].padEnd(6, '0')) / 1000)));
  return d.getUTCDate() === +m[3] ? d : null;
}

/** api.handle_batch_failure: records whose index appears as `[N]` in the answer get the detail, the others not. */
function handleBatchFailure(batch: readonly PendingRecord[], status: number, message: string, detail: string,
  results: Map<string, RecordStatus>): void {
  const failed = new Set([...detail.matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
  batch.forEach((rec, i) => {
    const msg = failed.has(String(i))
      ? `API error (${status}): ${message} — ${detail}`
      : `API error (${status}): ${message} — Record valid but batch failed`;
    results.set(rec.personId, { status: 'Error', message: msg });
  });
}
