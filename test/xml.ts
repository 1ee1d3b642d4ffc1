import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Test } from 'tap';

/**
 * Parses a feed after checking what a strict XML parser would reject and fast-xml-parser
 * lets through: a raw < or a bare & in an attribute value, and a namespace prefix used but
 * never declared.
 */
export function parseXml(t: Test, xml: string): Record<string, any> {
  t.equal(XMLValidator.validate(xml), true, 'well-formed XML');
  const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const badAttributes = [...markup.matchAll(/\s[\w:-]+="([^"]*)"/g)]
    .map((match) => match[1] as string)
    .filter((value) => /<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(value));
  t.same(badAttributes, [], 'attribute values are escaped');
  const declared = new Set([...markup.matchAll(/\sxmlns:([\w-]+)=/g)].map((match) => match[1]));
  const used = new Set([...markup.matchAll(/<\/?([\w-]+):[\w-]+|\s([\w-]+):[\w-]+=/g)].map((match) => match[1] ?? match[2]));
  used.delete('xmlns');
  t.same([...used].filter((prefix) => !declared.has(prefix)), [], 'every namespace prefix is declared');
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
}
