import type accessibility from '../../../locales/sq/accessibility.json';
import type common from '../../../locales/sq/common.json';
import type crypto from '../../../locales/sq/crypto.json';
import type entitlements from '../../../locales/sq/entitlements.json';
import type glossary from '../../../locales/sq/glossary.json';
import type help from '../../../locales/sq/help.json';
import type home from '../../../locales/sq/home.json';
import type mentorlist from '../../../locales/sq/mentorlist.json';
import type mentors from '../../../locales/sq/mentors.json';
import type notes from '../../../locales/sq/notes.json';
import type pwa from '../../../locales/sq/pwa.json';
import type returning from '../../../locales/sq/returning.json';
import type services from '../../../locales/sq/services.json';
import type settings from '../../../locales/sq/settings.json';
import type steps from '../../../locales/sq/steps.json';

/**
 * The namespaces, typed from the Albanian files (Albanian is the source language).
 * Add a line here when you add locales/sq/NAME.json and locales/en/NAME.json.
 */
export interface Resources {
	accessibility: typeof accessibility;
	common: typeof common;
	crypto: typeof crypto;
	entitlements: typeof entitlements;
	glossary: typeof glossary;
	help: typeof help;
	home: typeof home;
	mentorlist: typeof mentorlist;
	mentors: typeof mentors;
	notes: typeof notes;
	pwa: typeof pwa;
	returning: typeof returning;
	services: typeof services;
	settings: typeof settings;
	steps: typeof steps;
}
export type Namespace = keyof Resources;

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type StripPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
type Leaves<T, Prefix extends string = ''> = {
	[K in keyof T & string]: T[K] extends string
		? `${Prefix}${StripPlural<K>}`
		: T[K] extends Record<string, unknown>
			? Leaves<T[K], `${Prefix}${K}.`>
			: never;
}[keyof T & string];

/** Every key of a namespace, with plural suffixes folded: 'results.count' for results.count_one. */
export type TranslationKey<N extends Namespace> = Leaves<Resources[N]>;
