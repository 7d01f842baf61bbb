//! Reading files given to an import: what a file is, the limits, and why one is refused.

strings! {
    pub struct InputStrings, EN, ZH;
    damaged_title => "Some bytes are not UTF-8", "有些字节不是有效的 UTF-8";
    damaged_hint => "The file is read as UTF-8, but for the bytes below: they show as ? in the preview. Correct those lines in the file and open it again, or choose the file's encoding above if it is not UTF-8.", "文件按 UTF-8 读取，但下列字节不是 UTF-8：它们在预览中显示为 ?。请在文件中改正这些行后重新打开；如果文件不是 UTF-8，请在上方选择它的编码。";
    damaged_more => "…and more after these", "……之后还有更多";
}
