/**
 * Board support: profiles of the boards Vigil runs on, their detection, and the runnable
 * distribution assembled by this module's build.
 */
package dev.vigil.boards;
