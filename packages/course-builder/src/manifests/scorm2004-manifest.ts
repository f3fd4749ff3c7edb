/**
 * imsmanifest.xml for SCORM 2004 4th edition. One SCO for the whole course, with the least
 * sequencing that strict LMSs need: choice and flow on the organization, and content that sets
 * its own completion and success (otherwise SuccessFactors marks the course complete on exit).
 */

import type { Course } from '@teach-in/course-schema';
import { packageId } from '../editions.ts';
import { runtimeFiles } from '../render-page.ts';
import { checkPassingScore, escapeXml, packageFiles, uriPath, xmlId } from './xml.ts';

const launchFile = runtimeFiles.page;

const namespaces = {
  imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const schemaLocation = [
  `${namespaces.imscp} imscp_v1p1.xsd`,
  `${namespaces.adlcp} adlcp_v1p3.xsd`,
  `${namespaces.adlseq} adlseq_v1p3.xsd`,
  `${namespaces.adlnav} adlnav_v1p3.xsd`,
  `${namespaces.imsss} imsss_v1p0.xsd`,
].join(' ');

/** 80 -> "0.8": a whole percent as a normalized measure, without float noise. */
function normalizedMeasure(percent: number): string {
  return (percent / 100).toFixed(2).replace(/\.?0+$/, '');
}

/**
 * The item's sequencing. The imsss XSD fixes the child order: controlMode, sequencingRules,
 * limitConditions, auxiliaryResources, rollupRules, objectives, randomizationControls,
 * deliveryControls.
 */
function itemSequencing(course: Course): string[] {
  const measure = normalizedMeasure(checkPassingScore(course.passingScore));
  return [
    '<imsss:sequencing>',
    '  <imsss:objectives>',
    // Gives cmi.scaled_passing_score; the LMS judges success from cmi.score.scaled.
    '    <imsss:primaryObjective satisfiedByMeasure="true">',
    `      <imsss:minNormalizedMeasure>${measure}</imsss:minNormalizedMeasure>`,
    '    </imsss:primaryObjective>',
    // One per module: the LMS seeds cmi.objectives.n.id from these, so the SCO can report them.
    ...course.modules.map((m) => `    <imsss:objective objectiveID="${escapeXml(m.id)}"/>`),
    '  </imsss:objectives>',
    '  <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>',
    '</imsss:sequencing>',
  ];
}

export function scorm2004Manifest(course: Course, files: readonly string[]): string {
  const title = escapeXml(course.title);
  const org = xmlId('ORG', packageId(course));
  const res = xmlId('RES', packageId(course));
  const indent = (depth: number) => (line: string) => `${' '.repeat(depth)}${line}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${xmlId('MANIFEST', packageId(course))}" version="${escapeXml(course.version)}"`,
    `  xmlns="${namespaces.imscp}"`,
    `  xmlns:adlcp="${namespaces.adlcp}"`,
    `  xmlns:adlseq="${namespaces.adlseq}"`,
    `  xmlns:adlnav="${namespaces.adlnav}"`,
    `  xmlns:imsss="${namespaces.imsss}"`,
    `  xmlns:xsi="${namespaces.xsi}"`,
    `  xsi:schemaLocation="${schemaLocation}">`,
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>2004 4th Edition</schemaversion>',
    '  </metadata>',
    `  <organizations default="${org}">`,
    `    <organization identifier="${org}">`,
    `      <title>${title}</title>`,
    // Item children in XSD order: title, item*, metadata, adlcp:*, imsss:sequencing, adlnav:*.
    `      <item identifier="${xmlId('ITEM', packageId(course))}" identifierref="${res}">`,
    `        <title>${title}</title>`,
    ...itemSequencing(course).map(indent(8)),
    '      </item>',
    // The organization's own sequencing comes after its items and metadata.
    '      <imsss:sequencing>',
    '        <imsss:controlMode choice="true" flow="true"/>',
    '      </imsss:sequencing>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="${res}" type="webcontent" adlcp:scormType="sco" ` +
      `href="${launchFile}">`,
    ...packageFiles(files, launchFile).map(
      (file) => `      <file href="${escapeXml(uriPath(file))}"/>`,
    ),
    '    </resource>',
    '  </resources>',
    '</manifest>',
  ];
  return `${lines.join('\n')}\n`;
}
