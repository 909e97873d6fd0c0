import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration into drizzle/ after a schema change.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle'
});
