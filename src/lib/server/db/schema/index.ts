// One schema for both drivers (PGlite and PostgreSQL). Each area has its own file.
export * from './meta';
export * from './directory';
export * from './shares';
export * from './help';
