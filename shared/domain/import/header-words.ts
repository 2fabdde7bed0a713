import { nameKey } from '../areas/normalise-name';

/**
 * What header words say about a column, in Dutch and English. Matched against the header's
 * nameKey (lower case, no punctuation), so "Perioden", "JAAR" and "Verslag-periode" all count.
 */
const PERIOD = /^(perioden?|jaar|jaartal|year|verslagperiode|verslag periode|peiljaar|periode jaar|time period|period)$/;
const VARIABLE = /^(variabele|variable|variabelen|indicator|indicatorcode|indicator code|onderwerp|kenmerk|measure|maatstaf|item|var)$/;
const VALUE = /^(waarde|value|values|aantal|getal|val|obs value|observatie|uitkomst)$/;
const UNIT = /^(eenheid|unit|rekeneenheid|maateenheid|symbool|units?)$/;
const AREA_NAME = /(naam|name|regio|gebied|wijk|buurt|gemeente|stadsdeel|area|plaats|kern)/;
const AREA_CODE = /(code|nr\b|nummer|gwb|codering)/;
const DICT_CODE = /^(variabele|variable|code|kortenaam|korte naam|short name|naam variabele|indicator|variabelenaam)$/;
const DICT_NAME = /^(label|naam|name|titel|title|omschrijving kort)$/;
const DICT_SHORT = /^(labelkort|label kort|korte omschrijving|short label)$/;
const DICT_DEF = /^(definitie|definition|toelichting|beschrijving|description|omschrijving)$/;
const DICT_SOURCE = /^(bron|source|bronnen)$/;
const DICT_THEME = /^(thema|theme|categorie|category|onderwerp)$/;
const FOCUS_AREA = /(focus ?area|focusgebied|aandachtsgebied|nplv|programmagebied)/;

const key = (label: string) => nameKey(label);

export const isPeriodHeader = (label: string) => PERIOD.test(key(label));
export const isVariableHeader = (label: string) => VARIABLE.test(key(label));
export const isValueHeader = (label: string) => VALUE.test(key(label));
export const isUnitHeader = (label: string) => UNIT.test(key(label));
export const isAreaNameHeader = (label: string) => AREA_NAME.test(key(label));
export const isAreaCodeHeader = (label: string) => AREA_CODE.test(key(label));
export const isDictCodeHeader = (label: string) => DICT_CODE.test(key(label));
export const isDictNameHeader = (label: string) => DICT_NAME.test(key(label));
export const isDictShortHeader = (label: string) => DICT_SHORT.test(key(label));
export const isDictDefinitionHeader = (label: string) => DICT_DEF.test(key(label));
export const isDictSourceHeader = (label: string) => DICT_SOURCE.test(key(label));
export const isDictThemeHeader = (label: string) => DICT_THEME.test(key(label));
export const isFocusAreaHeader = (label: string) => FOCUS_AREA.test(key(label));
