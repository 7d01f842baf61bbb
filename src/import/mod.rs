//! Turning text, tables and workbooks that users paste or receive (agendas, attendee
//! lists) into model values.
//!
//! Every file given to an import goes through one gate ([`gate`]: a regular file only,
//! what it is from its bytes, [`limits`] before work, third-party readers behind
//! [`boundary`]).
//!
//! Importers never change a project: they return a preview that the app shows for
//! correction, and an edit is built only when the user confirms. Attendee lists go
//! through: [`source`] (what a file is, its encoding) → [`workbook`] or [`table`] (rows
//! under a header found wherever it is) → [`headers`] (which column is which field) →
//! [`rows`] (cells into people, by script; [`names`], [`romanize`]) or, for free text,
//! [`attendees_text`] → [`update`] (what a revised list changes) → [`apply`] (one edit).

pub mod agenda_text;
pub mod apply;
pub mod archive;
pub mod attendees;
pub mod attendees_text;
pub mod boundary;
pub mod classify;
pub mod docx;
pub mod docx_list;
pub mod docx_programme;
pub mod gate;
pub mod header_values;
pub mod headers;
pub mod limits;
pub mod list;
pub mod names;
pub mod personal_dates;
pub mod prescan;
pub mod prescan_xls;
pub mod programme_file;
pub mod romanize;
pub mod rows;
pub mod source;
pub mod table;
pub mod update;
pub mod workbook;
