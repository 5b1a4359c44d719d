// Copies the icons (icons/) and the action node's output schemas (__schema__) next to the compiled JavaScript,
// where n8n looks for them: the nodes and the credential name their icon as file:../../icons/… and file:../icons/….
const path = require('path');
const { task, src, dest, parallel } = require('gulp');

const copyIcons = () =>
	src(path.resolve('icons', '*.svg'), { encoding: false }).pipe(
		dest(path.resolve('dist', 'icons')),
	);
const copySchemas = () =>
	src(path.resolve('nodes', '**', '__schema__', '**', '*.json')).pipe(
		dest(path.resolve('dist', 'nodes')),
	);

task('build:icons', parallel(copyIcons, copySchemas));
