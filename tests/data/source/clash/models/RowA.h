namespace qaw {
struct CsvRow
{
};
}
