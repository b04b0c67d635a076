<?php
/**
 * Must-use plugin for the test site only (scripts/wordpress/site.mjs copies it in): the site
 * has no internet, so WordPress's update checks are switched off rather than left to fail
 * with PHP warnings, which the tests treat as errors.
 */

remove_action( 'admin_init', '_maybe_update_core' );
remove_action( 'admin_init', '_maybe_update_plugins' );
remove_action( 'admin_init', '_maybe_update_themes' );
remove_action( 'wp_version_check', 'wp_version_check' );
remove_action( 'wp_update_plugins', 'wp_update_plugins' );
remove_action( 'wp_update_themes', 'wp_update_themes' );
remove_action( 'init', 'wp_schedule_update_checks' );
