//! Reading rosters, catalogs and histories from the files data staff have: JSON, CSV
//! (UTF-8, UTF-8 with BOM, GB18030/GBK) with Chinese or English headers, and xlsx.

pub mod limits;
