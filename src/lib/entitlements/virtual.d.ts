// The compiled rules (scripts/entitlements/vite-plugin.ts).
declare module 'virtual:ura-entitlements' {
	const catalogue: import('./schema').Catalogue;
	export default catalogue;
}
