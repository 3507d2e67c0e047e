#!/usr/bin/env node
"use strict";
/* global require */
// The `sjuk` command: a shim over the compiled CLI (dist/ is built by `npm ci` via "prepare").
require("../dist/src/cli/main.js").runProcess();
