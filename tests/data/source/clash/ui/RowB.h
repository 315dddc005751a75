namespace qaw {
struct CsvRow {
 int x;
};
}
