import common from './common.json';
import engine from './engine.json';
import clinical from './clinical.json';
import routines from './routines.json';
import checklist from './checklist.json';
import reminders from './reminders.json';
import tray from './tray.json';
import notifications from './notifications.json';
import csv from './csv.json';
import report from './report.json';
import cli from './cli.json';
import program from './program.json';
import firstRun from './firstRun.json';
import settings from './settings.json';

export default { common, engine, clinical, routines, checklist, reminders, tray, notifications, csv, report, cli, program, settings, firstRun };
