//! The first hour in the app: dates typed, layouts that hold, live minutes that keep up.

strings! {
    pub struct FirstHourStrings, EN, ZH;
}
