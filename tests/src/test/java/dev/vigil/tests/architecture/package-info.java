/**
 * Architecture rules checked on the compiled classes: which module may use which, a core without
 * third-party dependencies, and packages without cycles.
 */
package dev.vigil.tests.architecture;
