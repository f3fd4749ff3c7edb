/**
 * imsmanifest.xml for SCORM 1.2. The whole course is one SCO, launched at index.html, so the
 * organization has a single item; the course shell handles navigation between modules.
 */

import type { Course } from '@teach-in/course-schema';
import { packageId } from '../editions.ts';
import { runtimeFiles } from '../render-page.ts';
import { checkPassingScore, escapeXml, packageFiles, uriPath, xmlId } from './xml.ts';

const launchFile = runtimeFiles.page;

const namespaces = {
  imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  imsmd: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

// Namespace/file pairs as in ADL's and Rustici's packages; LMSs only read them as hints.
const schemaLocation = [
  `${namespaces.imscp} imscp_rootv1p1p2.xsd`,
  `${namespaces.imsmd} imsmd_rootv1p2p1.xsd`,
  `${namespaces.adlcp} adlcp_rootv1p2.xsd`,
].join(' ');

export function scorm12Manifest(course: Course, files: readonly string[]): string {
  const masteryScore = checkPassingScore(course.passingScore);
  const title = escapeXml(course.title);
  const org = xmlId('ORG', packageId(course));
  const res = xmlId('RES', packageId(course));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${xmlId('MANIFEST', packageId(course))}" version="${escapeXml(course.version)}"`,
    `  xmlns="${namespaces.imscp}"`,
    `  xmlns:adlcp="${namespaces.adlcp}"`,
    `  xmlns:xsi="${namespaces.xsi}"`,
    `  xsi:schemaLocation="${schemaLocation}">`,
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    `  <organizations default="${org}">`,
    `    <organization identifier="${org}">`,
    `      <title>${title}</title>`,
    `      <item identifier="${xmlId('ITEM', packageId(course))}" identifierref="${res}">`,
    `        <title>${title}</title>`,
    // The LMS compares cmi.core.score.raw with this to set passed or failed.
    `        <adlcp:masteryscore>${masteryScore}</adlcp:masteryscore>`,
    '      </item>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="${res}" type="webcontent" adlcp:scormtype="sco" ` +
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
