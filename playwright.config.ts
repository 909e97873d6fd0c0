import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run their suites side by side.
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

// The app under test gets a fresh embedded database for every run. Its logs go to a file
// there (E2E_SERVER_LOG), which the privacy tests read: no payloads, IPs or user agents.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ura-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
export const SERVER_LOG = join(dataDir, 'server.log');
process.env.E2E_SERVER_LOG = SERVER_LOG;

// A throwaway release key for this run (outside the repository, like a real one): the build
// pins its public key and the build is signed with it, as a release would be (docs/release.md).
// The PWA tests sign their own altered versions with it.
export const RELEASE_KEY_FILE = join(dataDir, 'release-key.pem');
if (!existsSync(RELEASE_KEY_FILE)) {
	const { privateKey } = generateKeyPairSync('ed25519');
	writeFileSync(RELEASE_KEY_FILE, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
		mode: 0o600
	});
}
process.env.URA_RELEASE_KEY_FILE = RELEASE_KEY_FILE;

export default defineConfig({
	testDir: 'tests/e2e',
	// One worker: two cores, and a server shared by all tests.
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	outputDir: 'test-results',
	webServer: {
		command: `npm run build && npm run -s release:sign && node scripts/serve.js >> '${SERVER_LOG}' 2>&1`,
		url: `${BASE_URL}/healthz`,
		reuseExistingServer: false,
		timeout: 240_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			URA_DATA_DIR: dataDir,
			URA_RELEASE_KEY_FILE: RELEASE_KEY_FILE,
			URA_RELEASE_PUBLIC_KEY: releasePublicKey(),
			// Never reach out to PostgreSQL from the shared server; the multi-instance spec
			// starts its own servers on TEST_DATABASE_URL.
			DATABASE_URL: ''
		}
	},
	use: {
		baseURL: BASE_URL,
		browserName: 'chromium',
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run'
			]
		}
	}
});

function releasePublicKey(): string {
	const jwk = createPublicKey(readFileSync(RELEASE_KEY_FILE, 'utf8')).export({ format: 'jwk' });
	return jwk.x!;
}
