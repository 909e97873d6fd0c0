/**
 * What a notebook holds. These shapes exist only inside ciphertext: nothing about an entry
 * (its kind, title, length or dates) is stored or sent in the clear.
 */
import { z } from 'zod';

export const TITLE_MAX = 200;
export const BODY_MAX = 50_000;
export const CHECKLIST_ITEMS_MAX = 100;

const title = z.string().trim().max(TITLE_MAX);
/** An in-app path such as "/services/…" (never another origin, never "//host"). */
const appPath = z
	.string()
	.max(300)
	.regex(/^\/(?!\/)[^\s\\]*$/);

export const TextContentSchema = z.object({
	kind: z.literal('text'),
	title,
	body: z.string().max(BODY_MAX)
});

/**
 * A checklist. An item may link to a page of Ura (an entitlement, a service), in-app only:
 * lists built by a mentor or from an entitlement's steps point to where the detail is.
 */
export const ChecklistItemSchema = z.object({
	text: z.string().trim().min(1).max(500),
	done: z.boolean(),
	path: appPath.optional()
});

export const ChecklistContentSchema = z.object({
	kind: z.literal('checklist'),
	title,
	items: z.array(ChecklistItemSchema).max(CHECKLIST_ITEMS_MAX)
});

/** A service of the directory, by its stable id, with the name it had when saved. */
export const BookmarkContentSchema = z.object({
	kind: z.literal('bookmark'),
	title,
	serviceId: z.string().min(1).max(100),
	path: appPath.optional(),
	note: z.string().max(2000).optional()
});

/**
 * Saved screener results. The payload is the screener's own JSON, opaque to the notebook;
 * `summary` is readable text the screener wrote when saving (in the person's language).
 */
export const ScreenerContentSchema = z.object({
	kind: z.literal('screener'),
	title,
	payload: z.json(),
	summary: z.string().max(5000).optional(),
	path: appPath.optional()
});

/** A link the person shared, kept so they can copy it again or revoke it. Never shared. */
export const LinkContentSchema = z.object({
	kind: z.literal('link'),
	shareId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
	url: z.string().url().max(500),
	revokeSecret: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
	expiresAt: z.iso.datetime({ offset: true }),
	burnAfterReading: z.boolean(),
	titles: z.array(z.string().max(TITLE_MAX)).max(100)
});

export const ShareableContentSchema = z.discriminatedUnion('kind', [
	TextContentSchema,
	ChecklistContentSchema,
	BookmarkContentSchema,
	ScreenerContentSchema
]);

export const EntryContentSchema = z.discriminatedUnion('kind', [
	TextContentSchema,
	ChecklistContentSchema,
	BookmarkContentSchema,
	ScreenerContentSchema,
	LinkContentSchema
]);

const meta = {
	/** 16 random bytes, base64url: says nothing about the entry. */
	id: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
	createdAt: z.iso.datetime({ offset: true }),
	updatedAt: z.iso.datetime({ offset: true })
};

export const EntrySchema = z.discriminatedUnion('kind', [
	TextContentSchema.extend(meta),
	ChecklistContentSchema.extend(meta),
	BookmarkContentSchema.extend(meta),
	ScreenerContentSchema.extend(meta),
	LinkContentSchema.extend(meta)
]);

export type TextContent = z.infer<typeof TextContentSchema>;
export type ChecklistContent = z.infer<typeof ChecklistContentSchema>;
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
export type BookmarkContent = z.infer<typeof BookmarkContentSchema>;
export type ScreenerContent = z.infer<typeof ScreenerContentSchema>;
export type LinkContent = z.infer<typeof LinkContentSchema>;
export type ShareableContent = z.infer<typeof ShareableContentSchema>;
export type EntryContent = z.infer<typeof EntryContentSchema>;
export type Entry = z.infer<typeof EntrySchema>;
export type EntryKind = Entry['kind'];
export type ShareableEntry = Extract<Entry, { kind: ShareableContent['kind'] }>;

export function isShareable(entry: Entry): entry is ShareableEntry {
	return entry.kind !== 'link';
}

/** The content of an entry without its id and dates (what is shared, or imported). */
export function contentOf(entry: ShareableEntry): ShareableContent {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { id, createdAt, updatedAt, ...content } = entry;
	return ShareableContentSchema.parse(content);
}
