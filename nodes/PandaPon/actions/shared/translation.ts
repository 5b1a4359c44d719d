/** The translation language of 1688 and Taobao goods answers (country / language), as the goods operations offer it. */
import type { FieldSpec } from './fields';

export const LANGUAGES = [
	{ name: 'English', value: 'en' },
	{ name: 'Vietnamese', value: 'vi' },
	{ name: 'Japanese', value: 'ja' },
	{ name: 'Korean', value: 'ko' },
	{ name: 'Russian', value: 'ru' },
	{ name: 'Spanish', value: 'es' },
	{ name: 'French', value: 'fr' },
	{ name: 'Portuguese', value: 'pt' },
	{ name: 'Thai', value: 'th' },
	{ name: 'Chinese (No Translation)', value: 'zh' },
];

export const country: FieldSpec = {
	name: 'country',
	displayName: 'Translate To',
	kind: 'options',
	options: LANGUAGES,
	default: 'en',
	description: 'Language of the translated titles (PandaPon’s reference asks for en)',
};

export const language: FieldSpec = { ...country, name: 'language' };
