/**
 * What the report and the live page share: uPlot, bundled at build time, and their stylesheet and chart
 * helpers, inlined so that neither page fetches anything.
 */
package dev.vigil.runtime.cli.web;
