/**
 * The report and the live page in a real headless Chromium (Debian's chromium and chromium-driver, driven
 * by Selenium): no console error, no request leaving the file or the host, every chart holding its points,
 * a screenshot that is not blank; and the live page's access rules.
 */
package dev.vigil.tests.web;
