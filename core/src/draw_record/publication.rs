//! The publication folder of a draw: which files a published draw consists of, under
//! which names and in which spelling — written and read one way by every surface (the
//! command line, the Python and JavaScript bindings, the examples), so that the
//! verification page and the verifiers find what they read.
//!
//! | file | content |
//! |---|---|
//! | `plan.json` | the committed [`Plan`] |
//! | `plan.hash` | its hash, 64 hex digits and a line end |
//! | `log.json` | the [`DrawLog`] |
//! | `log.head` | the hash of its last entry, 64 hex digits and a line end |
//! | `result.json` | the [`ResultDocument`] |
//! | `eligible.json` | the eligible leaves the plan commits to |
//! | `catalog.json` | the [`Catalog`] the plan's items come from |
//! | `receipts/<USCC>.json` | one [`Receipt`] per enterprise of the plan |
//!
//! JSON files are indented (two spaces) and end with a line end; the page and the
//! verifiers read them with the strict committed reader, whatever the indentation.
//! Other files in the folder (the 公示 of inspection outcomes, a page's own files) are
//! not part of the draw's publication and are ignored here.
//!
//! Tested by the doc example below, `core/tests/all/publication.rs` and the op vectors
//! `tests/vectors/publish/publication.ops.json`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    DrawSummary, Receipt, ReceiptChecker, ResultDocument, receipts as make_receipts, verify_draw,
};
use crate::json::document::{document_text, from_committed_text};
use crate::model::Catalog;
use crate::proof::{Bytes32, DrawLog, EligibleLeaf, ExcludedLeaf, Plan};
use crate::{Error, Result, VerifyCode};

/// The plan.
pub const PLAN: &str = "plan.json";
/// The plan's hash.
pub const PLAN_HASH: &str = "plan.hash";
/// The draw log.
pub const LOG: &str = "log.json";
/// The log's head.
pub const LOG_HEAD: &str = "log.head";
/// The result.
pub const RESULT: &str = "result.json";
/// The eligible leaves.
pub const ELIGIBLE: &str = "eligible.json";
/// The catalog.
pub const CATALOG: &str = "catalog.json";
/// The folder of the receipts, one `<USCC>.json` each.
pub const RECEIPTS: &str = "receipts";
/// The files of the folder besides the receipts, in the order of the table above: what
/// a reader of a publication folder reads ([`Publication::files`] writes exactly these
/// and `receipts/<USCC>.json`).
///
/// ```
/// use shuangsuiji::draw_record::publication::{FILES, PLAN_HASH};
/// assert_eq!(FILES.len(), 7);
/// assert!(FILES.contains(&PLAN_HASH));
/// ```
pub const FILES: [&str; 7] = [PLAN, PLAN_HASH, LOG, LOG_HEAD, RESULT, ELIGIBLE, CATALOG];

/// A published draw as its files hold it.
#[derive(Debug, Clone)]
pub struct Publication {
    /// The committed plan.
    pub plan: Plan,
    /// The draw log.
    pub log: DrawLog,
    /// The result.
    pub result: ResultDocument,
    /// The eligible leaves.
    pub eligible: Vec<EligibleLeaf>,
    /// The catalog.
    pub catalog: Catalog,
    /// One receipt per enterprise of the plan, by USCC.
    pub receipts: Vec<Receipt>,
}

/// What checking a publication folder found: the draw's summary and the receipts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicationCheck {
    /// The recomputed draw ([`verify_draw`]).
    pub draw: DrawSummary,
    /// How many entries the log has.
    pub log_entries: u64,
    /// How many receipts were checked.
    pub receipts: u64,
    /// How many of them say "selected".
    pub selected: u64,
}

#[cold]
fn missing(name: &str) -> Error {
    Error::new(
        VerifyCode::PublicationFileMissing,
        format!("the publication has no file {name}"),
    )
    .with_field(name)
}

fn json_file<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Error::from_json(&e))?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// A receipt's file (`receipts/<USCC>.json`) in the spelling every surface writes: for
/// receipts made elsewhere than in [`Publication::files`] (in parts, on Spark).
///
/// # Errors
/// None in practice (a receipt always serialises); `json_invalid` if it did not.
///
/// ```no_run
/// # fn f(r: &shuangsuiji::draw_record::Receipt) -> shuangsuiji::Result<()> {
/// let bytes = shuangsuiji::draw_record::publication::receipt_file(r)?;
/// std::fs::write(format!("receipts/{}.json", r.uscc), bytes).ok();
/// # Ok(()) }
/// ```
pub fn receipt_file(receipt: &Receipt) -> Result<Vec<u8>> {
    json_file(receipt)
}

fn hash_file(hash: &Bytes32) -> Vec<u8> {
    format!("{}\n", hash.to_hex()).into_bytes()
}

fn text<'a>(files: &'a BTreeMap<String, Vec<u8>>, name: &str) -> Result<&'a str> {
    let bytes = files.get(name).ok_or_else(|| missing(name))?;
    document_text(bytes).map_err(|e| e.within(name))
}

fn committed<T: serde::de::DeserializeOwned>(
    files: &BTreeMap<String, Vec<u8>>,
    name: &str,
) -> Result<T> {
    from_committed_text(text(files, name)?).map_err(|e| e.within(name))
}

fn hash(files: &BTreeMap<String, Vec<u8>>, name: &str) -> Result<Bytes32> {
    let t = text(files, name)?;
    let t = t.strip_suffix('\n').unwrap_or(t);
    Bytes32::from_hex(t.strip_suffix('\r').unwrap_or(t)).map_err(|e| e.within(name))
}

impl Publication {
    /// The publication of a drawn result: the receipts of every enterprise of the plan
    /// are made here ([`receipts`](super::receipts)).
    ///
    /// # Errors
    /// The codes of [`receipts`](super::receipts) (the leaves and the result must be the
    /// plan's).
    pub fn new(
        plan: Plan,
        eligible: Vec<EligibleLeaf>,
        excluded: &[ExcludedLeaf],
        catalog: Catalog,
        log: DrawLog,
        result: ResultDocument,
    ) -> Result<Self> {
        let receipts = make_receipts(&plan, &eligible, excluded, &result)?;
        Ok(Self {
            plan,
            log,
            result,
            eligible,
            catalog,
            receipts,
        })
    }

    /// The files of the folder, by path (`/` between folder and file name), in the
    /// spelling every surface writes.
    ///
    /// # Errors
    /// `log_order` for an empty log (it has no head); the plan hash's codes.
    pub fn files(&self) -> Result<BTreeMap<String, Vec<u8>>> {
        let head = self
            .log
            .head()
            .ok_or_else(|| Error::new(VerifyCode::LogOrder, "the log is empty: no head"))?;
        let mut out = BTreeMap::new();
        out.insert(PLAN.to_owned(), json_file(&self.plan)?);
        out.insert(PLAN_HASH.to_owned(), hash_file(&self.plan.plan_hash()?));
        out.insert(LOG.to_owned(), json_file(&self.log)?);
        out.insert(LOG_HEAD.to_owned(), hash_file(&head));
        out.insert(RESULT.to_owned(), json_file(&self.result)?);
        out.insert(ELIGIBLE.to_owned(), json_file(&self.eligible)?);
        out.insert(CATALOG.to_owned(), json_file(&self.catalog)?);
        for r in &self.receipts {
            out.insert(format!("{RECEIPTS}/{}.json", r.uscc), json_file(r)?);
        }
        Ok(out)
    }

    /// Checks a publication folder given as its files (path → bytes, as
    /// [`files`](Self::files) names them): recomputes the draw from the plan, the log
    /// and the eligible leaves against `plan.hash` and `log.head` ([`verify_draw`]),
    /// then checks every receipt under `receipts/` against the plan and the result.
    ///
    /// ```
    /// use shuangsuiji::draw_record::publication::Publication;
    /// # use shuangsuiji::model::Catalog;
    /// # let v: serde_json::Value = serde_json::from_str(
    /// #     &std::fs::read_to_string("../tests/vectors/publish/ceremony.json").unwrap()).unwrap();
    /// # let c = &v["ceremony"];
    /// # fn de<T: serde::de::DeserializeOwned>(c: &serde_json::Value, k: &str) -> T {
    /// #     serde_json::from_value(c[k].clone()).unwrap()
    /// # }
    /// # let (plan, eligible, log, result) = (de(c, "plan"), de(c, "eligible"), de(c, "log"), de(c, "result"));
    /// # let excluded: Vec<shuangsuiji::proof::ExcludedLeaf> = de(c, "excluded");
    /// # let catalog = Catalog::from_json(&c["catalog"].to_string())?;
    /// // A drawn task: plan, eligible and excluded leaves, catalog, log, result.
    /// let publication = Publication::new(plan, eligible, &excluded, catalog, log, result)?;
    /// let files = publication.files()?;
    /// assert!(files.contains_key("plan.hash") && files.contains_key("log.head"));
    /// let receipts = files.keys().filter(|k| k.starts_with("receipts/")).count();
    /// assert!(shuangsuiji::draw_record::publication::FILES.iter().all(|f| files.contains_key(*f)));
    /// assert_eq!(files.len(), shuangsuiji::draw_record::publication::FILES.len() + receipts);
    /// let check = Publication::verify(&files)?;
    /// assert_eq!(check.receipts, files.keys().filter(|k| k.starts_with("receipts/")).count() as u64);
    ///
    /// // A changed result is found, and named.
    /// let mut tampered = files.clone();
    /// let text = String::from_utf8(tampered["result.json"].clone()).unwrap();
    /// tampered.insert("result.json".into(), text.replacen("\"attempt\": 0", "\"attempt\": 1", 1).into_bytes());
    /// assert!(Publication::verify(&tampered).is_err());
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    ///
    /// # Errors
    /// `publication_file_missing` naming the file; the codes of the strict reader
    /// (within the file's name), of [`verify_draw`] and of the receipt check
    /// (`receipt_invalid`, within the receipt's path).
    pub fn verify(files: &BTreeMap<String, Vec<u8>>) -> Result<PublicationCheck> {
        let read = Self::read(files)?;
        let plan_hash = hash(files, PLAN_HASH)?;
        let head = hash(files, LOG_HEAD)?;
        let draw = verify_draw(
            &read.plan,
            &plan_hash,
            &read.catalog,
            &read.log,
            &head,
            &read.eligible,
            &read.result,
        )?;
        let checker = ReceiptChecker::new(&read.plan, &read.result)?;
        let mut selected = 0u64;
        for (path, r) in receipt_paths(files).zip(&read.receipts) {
            let verdict = checker.verify(r).map_err(|e| e.within(path))?;
            selected += u64::from(verdict.selected());
        }
        Ok(PublicationCheck {
            draw,
            log_entries: read.log.entries.len() as u64,
            receipts: read.receipts.len() as u64,
            selected,
        })
    }

    /// Reads the files of a publication folder (nothing is checked beyond each file's
    /// own reader: [`verify`](Self::verify) checks them together).
    ///
    /// # Errors
    /// `publication_file_missing` naming the file; the codes of the strict reader and of
    /// the catalog reader, within the file's name.
    pub fn read(files: &BTreeMap<String, Vec<u8>>) -> Result<Self> {
        let receipts = receipt_paths(files)
            .map(|p| committed::<Receipt>(files, p))
            .collect::<Result<Vec<_>>>()?;
        Ok(Self {
            plan: committed(files, PLAN)?,
            log: committed(files, LOG)?,
            result: committed(files, RESULT)?,
            eligible: committed(files, ELIGIBLE)?,
            catalog: Catalog::from_json(text(files, CATALOG)?).map_err(|e| e.within(CATALOG))?,
            receipts,
        })
    }
}

/// The receipt files' paths, in path order.
fn receipt_paths(files: &BTreeMap<String, Vec<u8>>) -> impl Iterator<Item = &str> {
    files.keys().map(String::as_str).filter(|k| {
        k.strip_prefix(RECEIPTS)
            .and_then(|r| r.strip_prefix('/'))
            .is_some_and(|f| f.ends_with(".json") && !f.contains('/'))
    })
}
