SELECT '60'::jobcat, '8.1.1'::jobcat, '직접일자리'::jobcat, 'Direct job creation'::jobcat;
SELECT * FROM jobcat_taxonomy();
